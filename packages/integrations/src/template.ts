/**
 * Message templates with `{{name}}` placeholders (DOMAIN §7: admins edit them). Values are
 * inserted as-is in the subject and text, HTML-escaped in the html body, and never re-expanded, so
 * a value containing `{{…}}` stays literal. A placeholder without a value is an error listing every
 * missing name, so a broken template is caught before anything is sent.
 */
export type MessageTemplate = { subject?: string; text: string; html?: string };
export type TemplateVariables = Readonly<Record<string, string | number | null | undefined>>;
export type RenderResult =
  | { ok: true; message: MessageTemplate }
  | { ok: false; error: 'TEMPLATE_VARIABLES_MISSING'; missing: string[] };

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function parts(template: MessageTemplate): string[] {
  return [template.subject, template.text, template.html].filter((p): p is string => p !== undefined);
}

/** Every placeholder name the template uses, sorted, without duplicates. */
export function templateVariables(template: MessageTemplate): string[] {
  const names = new Set<string>();
  for (const part of parts(template)) for (const m of part.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names].sort();
}

function lookup(variables: TemplateVariables, name: string): string | null {
  // Own properties only: `{{constructor}}` must not resolve to Object.prototype.constructor.
  if (!Object.hasOwn(variables, name)) return null;
  const value = variables[name];
  return value === null || value === undefined ? null : String(value);
}

export function renderTemplate(template: MessageTemplate, variables: TemplateVariables): RenderResult {
  const missing = templateVariables(template).filter((name) => lookup(variables, name) === null);
  if (missing.length > 0) return { ok: false, error: 'TEMPLATE_VARIABLES_MISSING', missing };
  const fill = (part: string, asHtml: boolean) =>
    part.replace(PLACEHOLDER, (_, name: string) => {
      const value = lookup(variables, name)!;
      return asHtml ? escapeHtml(value) : value;
    });
  const message: MessageTemplate = { text: fill(template.text, false) };
  if (template.subject !== undefined) message.subject = fill(template.subject, false);
  if (template.html !== undefined) message.html = fill(template.html, true);
  return { ok: true, message };
}
