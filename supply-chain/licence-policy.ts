/**
 * Which licences of production dependencies let Mitwirken be distributed under MIT: the allow-list (each entry with
 * its reason), SPDX expressions evaluated with OR and AND, recognition of well-known licence texts for packages that
 * declare nothing, and per-package exceptions. Pure: no file system (supply-chain/licence-report.ts reads the tree).
 */

/**
 * SPDX ids a production dependency may carry, each with why it is compatible with distributing Mitwirken under MIT.
 * Anything else is refused: GPL, LGPL and AGPL (copyleft that reaches the product or its distribution), SSPL and
 * EUPL (copyleft), CC-BY-SA and CC-BY-NC (share-alike, non-commercial), `UNLICENSED`, custom licences
 * (`SEE LICENSE IN …`), and packages that declare nothing recognisable. A new licence is added here with its reason,
 * never to make one package pass: one package that needs it gets an entry in licence-exceptions.json.
 */
export const ALLOWED_LICENCES: Readonly<Record<string, string>> = {
  MIT: 'permissive; keep the copyright and permission notice',
  ISC: 'permissive, MIT-equivalent; keep the notice',
  '0BSD': 'permissive without even a notice requirement',
  'BSD-2-Clause': 'permissive; keep the notice and disclaimer',
  'BSD-3-Clause': "permissive; keep the notice, do not use the authors' names for endorsement",
  'Apache-2.0': 'permissive with a patent grant; keep the licence and any NOTICE file, mark changed files',
  'BlueOak-1.0.0': 'permissive with a patent grant; pass the licence text on',
  Zlib: 'permissive; do not misrepresent the origin, mark altered source versions',
  'Python-2.0': 'permissive (PSF licence stack); keep the licence and notice',
  Unlicense: 'public-domain dedication with a permissive fallback',
  'CC0-1.0': 'public-domain dedication with a permissive fallback',
  'CC-BY-3.0': 'attribution only (the package names its authors and licence); used for data such as lists and tables',
  'CC-BY-4.0': 'attribution only (the package names its authors and licence); used for data such as lists and tables',
  'MPL-2.0':
    'file-level copyleft: a larger work may be distributed under other terms (MPL-2.0 §3.3) as long as the MPL files ' +
    'stay under MPL-2.0 with their source available, which an npm package is; Mitwirken does not modify dependency ' +
    'files (a patch to an MPL-2.0 file must be published under MPL-2.0)',
};

/** why a well-known refused licence family is refused, for the messages. */
const REFUSED_FAMILIES: ReadonlyArray<[RegExp, string]> = [
  [/^AGPL-/i, 'network copyleft: serving the product would oblige publishing it under AGPL'],
  [/^LGPL-/i, 'weak copyleft with relinking obligations for what is distributed with it'],
  [/^GPL-/i, 'strong copyleft: distributing the product would oblige licensing it under GPL'],
  [/^SSPL-/i, 'copyleft over the whole service stack'],
  [/^EUPL-/i, 'copyleft'],
  [/^CC-BY-(NC|SA|ND)/i, 'non-commercial, share-alike or no-derivatives terms'],
];

const CANONICAL = new Map(Object.keys(ALLOWED_LICENCES).map((id) => [id.toLowerCase(), id]));

/** the canonical allow-list id for an SPDX id (ids compare case-insensitively), or undefined. */
export function allowedId(id: string): string | undefined {
  return CANONICAL.get(id.toLowerCase());
}

// ---- SPDX expressions ----

export type Expression =
  | { kind: 'licence'; id: string; orLater: boolean; exception?: string }
  | { kind: 'and' | 'or'; left: Expression; right: Expression };

const TOKEN = /\s*(\(|\)|[A-Za-z0-9.+:-]+)/y;

/**
 * Parses an SPDX licence expression (`MIT`, `(MIT OR Apache-2.0)`, `MIT AND BSD-3-Clause`, `GPL-2.0+`,
 * `Apache-2.0 WITH LLVM-exception`); AND binds tighter than OR. Operators are accepted in any case. Throws on
 * anything else, including `SEE LICENSE IN …` and bare words that are not one id.
 */
export function parseSpdx(text: string): Expression {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  const source = text.trim();
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new Error(`not an SPDX expression: unexpected "${source.slice(start)}"`);
    tokens.push(match[1] as string);
  }
  if (tokens.length === 0) throw new Error('empty licence expression');
  let at = 0;
  const peek = (): string | undefined => tokens[at]?.toUpperCase();
  const isOperator = (t: string | undefined): boolean => t === 'AND' || t === 'OR' || t === 'WITH';

  function primary(): Expression {
    const token = tokens[at++];
    if (token === undefined) throw new Error('not an SPDX expression: ends early');
    if (token === '(') {
      const inner = or();
      if (tokens[at++] !== ')') throw new Error('not an SPDX expression: missing ")"');
      return inner;
    }
    if (token === ')' || isOperator(token.toUpperCase()))
      throw new Error(`not an SPDX expression: unexpected "${token}"`);
    const orLater = token.endsWith('+');
    const node: Expression = { kind: 'licence', id: orLater ? token.slice(0, -1) : token, orLater };
    if (peek() === 'WITH') {
      at++;
      const exception = tokens[at++];
      if (exception === undefined || exception === '(' || exception === ')' || isOperator(exception.toUpperCase())) {
        throw new Error('not an SPDX expression: WITH needs an exception id');
      }
      node.exception = exception;
    }
    return node;
  }
  function and(): Expression {
    let left = primary();
    while (peek() === 'AND') {
      at++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  }
  function or(): Expression {
    let left = and();
    while (peek() === 'OR') {
      at++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  }

  const expression = or();
  if (at < tokens.length) throw new Error(`not an SPDX expression: unexpected "${tokens[at]}"`);
  return expression;
}

export interface Verdict {
  allowed: boolean;
  /** for an allowed licence, the allow-list ids that carry it (the branch taken for OR, every part for AND). */
  via: string[];
  /** for a refused one, why. */
  reason?: string;
}

function refusedReason(id: string): string {
  const family = REFUSED_FAMILIES.find(([pattern]) => pattern.test(id));
  return family ? `${id}: ${family[1]}` : `${id} is not on the allow-list`;
}

function evaluate(expression: Expression): Verdict {
  if (expression.kind === 'licence') {
    // "X+" lets the recipient choose X itself; a WITH exception only adds permissions to X.
    const id = allowedId(expression.id);
    return id ? { allowed: true, via: [id] } : { allowed: false, via: [], reason: refusedReason(expression.id) };
  }
  const left = evaluate(expression.left);
  const right = evaluate(expression.right);
  if (expression.kind === 'or') {
    if (left.allowed) return left;
    if (right.allowed) return right;
    return { allowed: false, via: [], reason: `${left.reason}; ${right.reason}` };
  }
  if (left.allowed && right.allowed) return { allowed: true, via: [...new Set([...left.via, ...right.via])] };
  return {
    allowed: false,
    via: [],
    reason: [left, right]
      .filter((v) => !v.allowed)
      .map((v) => v.reason)
      .join('; '),
  };
}

/**
 * Whether a declared licence (an SPDX expression, or null when the package declares none) lets Mitwirken be
 * distributed under MIT: OR is allowed when one branch is, AND when every part is.
 */
export function evaluateLicence(licence: string | null | undefined): Verdict {
  if (licence === null || licence === undefined || licence.trim() === '') {
    return { allowed: false, via: [], reason: 'no licence declared' };
  }
  const text = licence.trim();
  if (text === 'UNLICENSED') return { allowed: false, via: [], reason: 'UNLICENSED: not licensed for use by others' };
  if (/^SEE LICEN[CS]E IN\b/i.test(text)) return { allowed: false, via: [], reason: `a custom licence (${text})` };
  let expression: Expression;
  try {
    expression = parseSpdx(text);
  } catch {
    return { allowed: false, via: [], reason: `"${text}" is not an SPDX expression` };
  }
  return evaluate(expression);
}

// ---- package.json fields and licence files ----

/**
 * The licence a package.json declares: `license` (an SPDX expression; legacy `{ type }` objects too), else a legacy
 * `licenses` array, whose entries npm reads as alternatives (`(A OR B)`). Null when neither says anything.
 */
export function declaredLicence(manifest: {
  license?: unknown;
  licenses?: unknown;
}): { licence: string; source: 'license' | 'licenses' } | null {
  const name = (entry: unknown): string | undefined => {
    if (typeof entry === 'string') return entry.trim() || undefined;
    if (entry && typeof entry === 'object' && typeof (entry as { type?: unknown }).type === 'string') {
      return (entry as { type: string }).type.trim() || undefined;
    }
    return undefined;
  };
  const single = name(manifest.license);
  if (single) return { licence: single, source: 'license' };
  const list = Array.isArray(manifest.licenses)
    ? manifest.licenses
    : manifest.licenses === undefined
      ? []
      : [manifest.licenses];
  const names = [...new Set(list.map(name).filter((n): n is string => n !== undefined))];
  if (names.length === 0) return null;
  if (names.length === 1) return { licence: names[0] as string, source: 'licenses' };
  return { licence: `(${names.join(' OR ')})`, source: 'licenses' };
}

/**
 * The SPDX id of a licence text when it is one of a few unmistakable ones (MIT, ISC, BSD-2-Clause, BSD-3-Clause,
 * Apache-2.0), else null. Used only for packages that declare no licence or point to a file.
 */
export function recogniseLicenceText(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').toLowerCase();
  if (/\bgnu\b|general public license/.test(t)) return null;
  if (t.includes('apache license') && t.includes('version 2.0, january 2004')) return 'Apache-2.0';
  if (
    t.includes('permission is hereby granted, free of charge, to any person obtaining a copy') &&
    t.includes(
      'the above copyright notice and this permission notice shall be included in all copies or substantial portions',
    )
  ) {
    return 'MIT';
  }
  if (
    t.includes(
      'permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies',
    )
  ) {
    return 'ISC';
  }
  if (
    t.includes(
      'redistribution and use in source and binary forms, with or without modification, are permitted provided that',
    ) &&
    !t.includes('advertising')
  ) {
    return t.includes('neither the name of') || t.includes('may be used to endorse or promote')
      ? 'BSD-3-Clause'
      : 'BSD-2-Clause';
  }
  return null;
}

// ---- exceptions ----

/** one package allowed although its licence is not, for a stated reason (supply-chain/licence-exceptions.json). */
export interface LicenceException {
  name: string;
  /** the exact version reviewed: another version is reviewed again. */
  version: string;
  /** the licence as the report finds it (null: none declared); a changed licence is reviewed again. */
  licence: string | null;
  reason: string;
}

export interface PackageLicence {
  name: string;
  version: string;
  licence: string | null;
}

export interface PolicyResult {
  status: 'allowed' | 'exception' | 'refused';
  /** allow-list ids (allowed), the exception's reason (exception), or why it is refused. */
  why: string;
}

/** the policy for one package: its licence if allowed, else an exception for exactly this name, version and licence. */
export function checkPackage(pkg: PackageLicence, exceptions: readonly LicenceException[]): PolicyResult {
  const verdict = evaluateLicence(pkg.licence);
  if (verdict.allowed) return { status: 'allowed', why: verdict.via.join(' AND ') };
  const exception = exceptions.find(
    (e) => e.name === pkg.name && e.version === pkg.version && e.licence === pkg.licence,
  );
  if (exception) return { status: 'exception', why: exception.reason };
  return { status: 'refused', why: verdict.reason ?? 'refused' };
}

/** problems with the exceptions file itself: missing fields, no reason, or an exception for an allowed licence. */
export function exceptionProblems(exceptions: unknown): string[] {
  if (!Array.isArray(exceptions)) return ['the exceptions file must hold an array'];
  const problems: string[] = [];
  exceptions.forEach((e: unknown, i) => {
    const entry = (e ?? {}) as Record<string, unknown>;
    const label = typeof entry.name === 'string' ? entry.name : `entry ${i}`;
    if (typeof entry.name !== 'string' || entry.name === '') problems.push(`${label}: no package name`);
    if (typeof entry.version !== 'string' || entry.version === '') problems.push(`${label}: no exact version`);
    if (!(entry.licence === null || typeof entry.licence === 'string'))
      problems.push(`${label}: licence must be a string or null`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) problems.push(`${label}: no reason given`);
    if ((entry.licence === null || typeof entry.licence === 'string') && evaluateLicence(entry.licence).allowed) {
      problems.push(`${label}: ${String(entry.licence)} is allowed anyway; the exception is not needed`);
    }
  });
  return problems;
}
