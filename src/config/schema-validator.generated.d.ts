// Types of the validator scripts/config-validator.ts generates from schema/config.schema.json.
export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
export type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
declare const validate: Validate;
export default validate;
