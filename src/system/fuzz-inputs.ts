import { idPattern } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';

/**
 * The malformed requests of the fuzz test (fuzz.db.test.ts), made from each route's own input
 * schema: a plausible request first (real ids, so the code behind the validation runs too), then
 * the same with every field broken one way at a time. Not a test file: the test imports it.
 */

export interface FuzzRequest {
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
  variant: string;
}

type Route = App['routeCatalogue'][number];
type Schema = Record<string, unknown>;
type Ids = Record<string, string>;

/** Stands for the session's current CSRF token until the request is sent. */
export const csrfPlaceholder = '__FUZZ_CSRF__';

const mb = 'x'.repeat(1024 * 1024);
const big = 'x'.repeat(100 * 1024);

/** Broken values for a text field, each a variant of its own. */
const brokenStrings: [string, unknown][] = [
  ['NUL', 'a\u0000b'],
  ['control', 'a\u001b[31mb\u0007'],
  ['C1 control', 'a\u0085b\u009b'],
  ['bidi', 'Anna\u202Emoc.live'],
  ['zero-width', 'An\u200Bna\u200D\uFEFF'],
  ['100 KB', big],
  ['invalid date', '2026-02-30'],
  ['urn:uuid', 'urn:uuid:0d1f0e3a-5a4c-4c2b-9a0e-7f7c6b0b1a11'],
  ['not an id', 'not-an-id'],
  ['number', 12345],
  ['object', { a: 1 }],
  ['array', ['a', 'b']],
];

/** Broken values for a path parameter. */
const brokenParams = (real: string): [string, string][] => [
  ['param urn:uuid', encodeURIComponent(`urn:uuid:${real}`)],
  ['param braces', encodeURIComponent(`{${real}}`)],
  ['param upper case', real.toUpperCase()],
  ['param not an id', 'not-an-id'],
  ['param NUL', '%00'],
  ['param bad escape', '%ZZ'],
  ['param 150 characters', 'a'.repeat(150)],
];

function realParam(url: string, name: string, ids: Ids): string {
  if (name === 'lang') return 'sv';
  if (name === 'reference') return ids.reference!;
  if (name === 'step') return 'review';
  if (name === 'revisionId') return ids.guideRevision!;
  if (name === 'userId') return ids.user!;
  if (name === 'organisationId') return ids.organisation!;
  if (name === 'actionId') return ids.sipAction!;
  if (name === 'itemId') return ids.sipNeed!;
  const byPrefix: [RegExp, string][] = [
    [/^\/(api\/v1\/)?people\//, 'person'],
    [/^\/cases\//, 'case'],
    [/^\/intake\/reports\//, 'report'],
    [/^\/(api\/v1\/)?sips\//, 'sip'],
    [/^\/admin\/users\//, 'user'],
    [/^\/admin\/units\//, 'unit'],
    [/^\/admin\/organisations\//, 'organisation'],
    [/^\/admin\/case-settings\/interventions\//, 'intervention'],
    [/^\/admin\/case-settings\/api-clients\//, 'apiClient'],
    [/^\/guide(-editor\/entries|\/:lang\/entry)\//, 'guideEntry'],
  ];
  const kind = byPrefix.find(([pattern]) => pattern.test(url))?.[1];
  return ids[kind ?? 'person']!;
}

function fillPath(url: string, ids: Ids, broken?: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    broken !== undefined && name !== 'lang' && name !== 'step' ? broken : realParam(url, name, ids),
  );
}

const propertiesOf = (schema: unknown): [string, Schema][] =>
  Object.entries(((schema as Schema | undefined)?.properties as Record<string, Schema>) ?? {});

/** A value the schema would take, by its type and the field's name. */
function plausible(name: string, schema: Schema, ids: Ids): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key] as Schema[] | undefined;
    if (branches?.length) return plausible(name, branches[0]!, ids);
  }
  const type = [schema.type].flat()[0];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [plausible(name, (schema.items as Schema) ?? {}, ids)];
  if (schema.pattern === idPattern || /Id$/.test(name)) return ids.person;
  if (schema.format === 'date' || /(On|Date|date|To|Until)$/.test(name)) return '2026-03-13';
  if (/number$|Number$/.test(name)) return '20150101-1239';
  return 'Test';
}

function encodeForm(body: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) for (const v of value) form.append(key, String(v));
    else if (value !== null && typeof value === 'object') form.append(key, JSON.stringify(value));
    else form.append(key, String(value));
  }
  return form.toString();
}

function bodyRequests(route: Route, url: string, ids: Ids): FuzzRequest[] {
  const json = url.startsWith('/api/');
  const fields = propertiesOf(route.input.body).filter(([name]) => name !== '_csrf');
  const base = Object.fromEntries(fields.map(([name, schema]) => [name, plausible(name, schema, ids)]));
  const withCsrf = (body: Record<string, unknown>) => (json ? body : { ...body, _csrf: csrfPlaceholder });
  const encode = (body: Record<string, unknown>) =>
    json ? JSON.stringify(withCsrf(body)) : encodeForm(withCsrf(body));
  const contentType = json ? 'application/json' : 'application/x-www-form-urlencoded';
  const request = (variant: string, payload: string, type = contentType): FuzzRequest => ({
    method: route.method,
    url,
    payload,
    contentType: type,
    variant,
  });
  const requests = [request('plausible', encode(base)), request('all missing', encode({}))];
  for (const [variant, value] of brokenStrings) {
    const broken = Object.fromEntries(fields.map(([name]) => [name, value]));
    requests.push(request(variant, encode(broken)));
  }
  requests.push(request('1 MB', encode(Object.fromEntries(fields.map(([name]) => [name, mb])))));
  if (json) {
    requests.push(request('lone surrogate', encode(base).replace(/"Test"/g, '"\\ud800x"')));
    requests.push(request('broken JSON', '{"a": "'));
  } else {
    const names = fields.map(([name]) => name);
    const raw = (encoded: string) =>
      [...names.map((n) => `${n}=${encoded}`), `_csrf=${csrfPlaceholder}`].join('&');
    requests.push(request('bad percent-escape', raw('%ZZ')));
    requests.push(request('invalid UTF-8', raw('%FF%FE%C3%28')));
    requests.push(request('as JSON', JSON.stringify(withCsrf(base)), 'application/json'));
  }
  return requests;
}

function queryRequests(route: Route, url: string, ids: Ids): FuzzRequest[] {
  const fields = propertiesOf(route.input.querystring);
  const request = (variant: string, query: string): FuzzRequest => ({
    method: route.method,
    url: `${url}?${query}`,
    variant,
  });
  const names = fields.length ? fields.map(([name]) => name) : ['q'];
  const base = new URLSearchParams(
    fields.map(([name, schema]) => [name, String(plausible(name, schema, ids))]),
  );
  const requests = [request('plausible query', base.toString())];
  for (const [variant, value] of brokenStrings) {
    if (typeof value !== 'string' || value.length > 20_000) continue;
    requests.push(request(`query ${variant}`, new URLSearchParams(names.map((n) => [n, value])).toString()));
  }
  requests.push(
    request('query 10 KB', new URLSearchParams(names.map((n) => [n, big.slice(0, 10_240)])).toString()),
  );
  requests.push(request('query bad escape', names.map((n) => `${n}=%ZZ`).join('&')));
  requests.push(request('query repeated', names.map((n) => `${n}=a&${n}=b`).join('&')));
  return requests;
}

/** Every request of the fuzz for one route and session, in the order they are sent. */
export function requestsFor(route: Route, ids: Ids): FuzzRequest[] {
  const url = fillPath(route.url, ids);
  const requests: FuzzRequest[] =
    route.method === 'GET'
      ? [{ method: 'GET', url, variant: 'plain' }, ...queryRequests(route, url, ids)]
      : bodyRequests(route, url, ids);
  if (!route.url.includes(':')) return requests;
  // Broken ids early: they are what gave most of the 500s (issue 12).
  const [first, ...rest] = requests as [FuzzRequest, ...FuzzRequest[]];
  const broken = brokenParams(realParam(route.url, 'id', ids)).map(([variant, value]) => ({
    ...first,
    url: fillPath(route.url, ids, value),
    variant,
  }));
  return [first, ...broken, ...rest];
}
