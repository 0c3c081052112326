/**
 * The HTTP contract between client and server, as types only: every route's path, method, JSON
 * body and answer come from the server's own route definitions (AppType, built from the zod
 * schemas that validate them). Nothing here exists at run time, so no server code or zod reaches
 * the browser bundle; a change on the server that the client does not follow fails `tsc`.
 */
import type { Hono } from 'hono';
import type { JSONValue } from 'hono/utils/types';
import type { AppType } from '../../server/app';

type Schema = AppType extends Hono<infer _Env, infer S, infer _Base> ? S : never;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type HonoMethod<M extends HttpMethod> = `$${Lowercase<M>}`;

/** Every route with the method, as "PATCH /api/plan-items/:id"; a GET is named by its path alone. */
export type ApiRoute = {
  [P in keyof Schema & string]: { [M in HttpMethod]: HonoMethod<M> extends keyof Schema[P] ? (M extends 'GET' ? P : `${M} ${P}`) : never }[HttpMethod];
}[keyof Schema & string];

type MethodOf<R extends string> = R extends `${infer M extends Exclude<HttpMethod, 'GET'>} ${string}` ? M : 'GET';
type PathOf<R extends string> = R extends `${Exclude<HttpMethod, 'GET'>} ${infer P}` ? P : R;
type Endpoint<R extends string> = PathOf<R> extends keyof Schema
  ? HonoMethod<MethodOf<R>> extends keyof Schema[PathOf<R>] ? Schema[PathOf<R>][HonoMethod<MethodOf<R>>] : never
  : never;

/** "/api/assets/:id" becomes `/api/assets/${string}`: a URL the client builds must fit its route. */
type Filled<P extends string> = P extends `${infer Head}:${string}/${infer Tail}` ? `${Head}${string}/${Filled<Tail>}` : P extends `${infer Head}:${string}` ? `${Head}${string}` : P;

/** The URLs that reach a route: its path with the parameters filled in, with or without a query. */
export type ApiUrl<R extends ApiRoute> = Filled<PathOf<R>> | `${Filled<PathOf<R>>}?${string}`;
export type ApiMethod<R extends ApiRoute> = MethodOf<R>;

/**
 * Hono types a free-form field (z.unknown(), the answers of a questionnaire) as JSONValue; the
 * client reads those as unknown, as the server's own types do, and narrows them itself.
 */
type Loosened<T> = JSONValue extends T ? unknown : T extends object ? { [K in keyof T]: Loosened<T[K]> } : T;

type Success = 200 | 201 | 202 | 204;
/** What the route answers when it succeeds (JSON as parsed: dates are strings). */
export type ApiAnswer<R extends ApiRoute> = Endpoint<R> extends infer E ? (E extends { status: Success; output: infer O } ? Loosened<O> : never) : never;
/** The JSON body the route accepts. */
export type ApiBody<R extends ApiRoute> = Endpoint<R> extends { input: { json: infer J } } ? J : never;
