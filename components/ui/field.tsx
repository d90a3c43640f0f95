import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// Label, input and error message wired together: the error is announced with the field
// (aria-describedby) and the field is marked invalid.

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
  children: ReactNode;
}

export function FieldFrame({ id, label, errors, hint, children }: FieldFrameProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, errors?: string[], hint?: ReactNode) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

const inputClass =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-700";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  id: string;
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
};

export function TextField({ id, label, errors, hint, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <input
        id={id}
        className={`${inputClass} ${className ?? ""}`}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        {...input}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  id: string;
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
};

export function SelectField({ id, label, errors, hint, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <select
        id={id}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & {
  id: string;
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
};

export function TextAreaField({ id, label, errors, hint, className, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <textarea
        id={id}
        className={`${inputClass} ${className ?? ""}`}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        {...textarea}
      />
    </FieldFrame>
  );
}
