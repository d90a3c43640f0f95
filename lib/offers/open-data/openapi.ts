import { z } from "zod";
import { CACHE_CONTROL } from "./http";
import { listQuerySchema, offerIdSchema, openDataSchemas } from "./schemas";

// openapi.json, generated from the zod schemas that check the queries and shape the answers
// (schemas.ts): what it promises is what the routes do.

const DIALECT = "https://json-schema.org/draft/2020-12/schema";
const TARGET = { target: "draft-2020-12" } as const;

/** OpenAPI 3.1 names the dialect once (jsonSchemaDialect); a component carries no $schema or $id. */
function bare(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Parameters are described by what they parse to: a query value "4" is the integer 4. */
const schemaOf = (schema: z.ZodType) => bare(z.toJSONSchema(schema, { ...TARGET, io: "output" }));

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const headers = {
  ETag: { description: "Für If-None-Match.", schema: schemaOf(z.string()) },
  "Last-Modified": { description: "Für If-Modified-Since (If-None-Match ist genauer).", schema: schemaOf(z.string()) },
  "Cache-Control": { description: CACHE_CONTROL, schema: schemaOf(z.string()) },
};
const conditional = [
  { name: "If-None-Match", in: "header", required: false, schema: schemaOf(z.string()) },
  { name: "If-Modified-Since", in: "header", required: false, schema: schemaOf(z.string()) },
];

const json = (id: string, description: string, withHeaders = false) => ({
  description,
  ...(withHeaders ? { headers } : {}),
  content: { "application/json": { schema: ref(id) } },
});
const notModified = { description: "Die Kopie des Clients ist aktuell (nach If-None-Match oder If-Modified-Since).", headers };
const failure = (description: string) => json("Error", description);

function components() {
  const { schemas } = z.toJSONSchema(openDataSchemas, { ...TARGET, uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, bare(schema)]));
}

export function openApiDocument(base: string) {
  const listParameters = Object.entries(listQuerySchema.shape).map(([name, field]) => {
    const { description, ...schema } = schemaOf(field);
    return { name, in: "query", required: false, description, schema };
  });
  return {
    openapi: "3.1.1",
    jsonSchemaDialect: DIALECT,
    info: {
      title: "Wohnraum: offene Daten der Angebotsbörse",
      version: "1.0.0",
      description:
        "Die veröffentlichten Wohnraumangebote der Angebotsbörse, z. B. für Apps wie Integreat. Nur öffentliche Angaben: " +
        "nie die E-Mail-Adresse der Anbietenden, die Telefonnummer nur, wenn sie veröffentlicht ist. Ohne Anmeldung, CORS für alle Seiten.",
    },
    servers: [{ url: `${base}/api/v1` }],
    paths: {
      "/offers": {
        get: {
          operationId: "listOffers",
          summary: "Veröffentlichte Angebote, gefiltert und seitenweise",
          description: "Dieselben Filter wie die Angebotsliste der Website; ungültige oder unbekannte Parameter ergeben 400.",
          parameters: [...listParameters, ...conditional],
          responses: {
            "200": json("OfferList", "Eine Seite der passenden Angebote.", true),
            "304": notModified,
            "400": failure("Ein Parameter ist ungültig; fieldErrors nennt ihn."),
            default: failure("Ein anderer Fehler, z. B. 503, wenn die Datenbank nicht erreichbar ist."),
          },
        },
      },
      "/offers/{id}": {
        get: {
          operationId: "getOffer",
          summary: "Ein veröffentlichtes Angebot",
          parameters: [{ name: "id", in: "path", required: true, schema: schemaOf(offerIdSchema) }, ...conditional],
          responses: {
            "200": json("Offer", "Das Angebot.", true),
            "304": notModified,
            "404": failure("Dieses Angebot gibt es nicht."),
            "410": failure("Das Angebot ist nicht mehr veröffentlicht (vermittelt, gelöscht oder abgelaufen)."),
            default: failure("Ein anderer Fehler."),
          },
        },
      },
      "/offers.atom": {
        get: {
          operationId: "offerFeed",
          summary: "Atom-Feed der zuletzt veröffentlichten Angebote",
          parameters: conditional,
          responses: {
            "200": { description: "Atom 1.0 (RFC 4287).", headers, content: { "application/atom+xml": { schema: schemaOf(z.string()) } } },
            "304": notModified,
            default: failure("Ein Fehler."),
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "Diese Beschreibung",
          responses: {
            "200": { description: "OpenAPI 3.1.", content: { "application/json": { schema: schemaOf(z.looseObject({})) } } },
            "304": notModified,
          },
        },
      },
    },
    components: { schemas: components() },
  };
}
