/**
 * Escapes Terraform's template sequences in a literal written into a resource argument: `${` becomes
 * `$${` and `%{` becomes `%%{`, which Terraform turns back into `${` and `%{` (shell scripts,
 * Grafana's `${datasource}`). Not for strings holding cdktf tokens: those must stay interpolations.
 * @internal
 */
export function escapeTerraformTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * Escapes Terraform template sequences in every string of `value` (deeply): `${` becomes `$${` and
 * `%{` becomes `%%{`, which Terraform turns back into `${` and `%{` when it reads the
 * configuration. Needed for values that reach a resource argument verbatim and use `${VAR}`
 * (Logstash, Filebeat environment references) or `%{...}` (Logstash and Filebeat field formats).
 * @internal
 */
export function escapeTerraformTemplates<T>(value: T): T {
  if (typeof value === 'string') return escapeTerraformTemplate(value) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => escapeTerraformTemplates(v)) as unknown as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, escapeTerraformTemplates(v)])) as T;
  }
  return value;
}
