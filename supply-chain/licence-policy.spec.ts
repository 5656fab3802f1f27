import {
  ALLOWED_LICENCES,
  checkPackage,
  declaredLicence,
  evaluateLicence,
  exceptionProblems,
  parseSpdx,
  recogniseLicenceText,
  type LicenceException,
} from './licence-policy';

const allowed = (licence: string | null | undefined): boolean => evaluateLicence(licence).allowed;

describe('SPDX expressions', () => {
  it('allows a single id on the allow-list, in any case', () => {
    for (const id of Object.keys(ALLOWED_LICENCES)) expect(allowed(id)).toBe(true);
    expect(allowed('mit')).toBe(true);
    expect(evaluateLicence('apache-2.0').via).toEqual(['Apache-2.0']);
  });

  it('allows an OR when one branch is allowed, and names that branch', () => {
    expect(evaluateLicence('(MIT OR GPL-3.0)')).toEqual({ allowed: true, via: ['MIT'] });
    expect(evaluateLicence('(GPL-3.0-or-later OR MIT)')).toEqual({ allowed: true, via: ['MIT'] });
    expect(evaluateLicence('(AFL-2.1 OR BSD-3-Clause)').via).toEqual(['BSD-3-Clause']);
    expect(allowed('MIT or Apache-2.0')).toBe(true);
  });

  it('refuses an OR when no branch is allowed', () => {
    const verdict = evaluateLicence('(GPL-2.0-only OR LGPL-3.0-only)');
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toMatch(/GPL-2\.0-only: strong copyleft/);
    expect(verdict.reason).toMatch(/LGPL-3\.0-only: weak copyleft/);
  });

  it('allows an AND only when every part is allowed', () => {
    expect(evaluateLicence('MIT AND BSD-3-Clause')).toEqual({ allowed: true, via: ['MIT', 'BSD-3-Clause'] });
    expect(evaluateLicence('(MIT AND Zlib)').via).toEqual(['MIT', 'Zlib']);
    const verdict = evaluateLicence('MIT AND GPL-3.0');
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toBe(
      'GPL-3.0: strong copyleft: distributing the product would oblige licensing it under GPL',
    );
  });

  it('binds AND tighter than OR, and honours parentheses', () => {
    // GPL-3.0 OR (MIT AND Apache-2.0): allowed through the second branch.
    expect(evaluateLicence('GPL-3.0 OR MIT AND Apache-2.0')).toEqual({ allowed: true, via: ['MIT', 'Apache-2.0'] });
    // (GPL-3.0 OR MIT) AND AGPL-3.0: the AGPL part is never optional.
    expect(allowed('(GPL-3.0 OR MIT) AND AGPL-3.0-only')).toBe(false);
    // MIT AND (GPL-3.0 OR ISC): ISC makes the second part allowed.
    expect(evaluateLicence('MIT AND (GPL-3.0 OR ISC)').via).toEqual(['MIT', 'ISC']);
    expect(parseSpdx('A OR B AND C')).toEqual({
      kind: 'or',
      left: { kind: 'licence', id: 'A', orLater: false },
      right: {
        kind: 'and',
        left: { kind: 'licence', id: 'B', orLater: false },
        right: { kind: 'licence', id: 'C', orLater: false },
      },
    });
  });

  it('reads "or later" and WITH exceptions by their licence', () => {
    expect(allowed('Apache-2.0+')).toBe(true);
    expect(allowed('Apache-2.0 WITH LLVM-exception')).toBe(true);
    expect(allowed('GPL-2.0+')).toBe(false);
    expect(allowed('GPL-2.0-only WITH Classpath-exception-2.0')).toBe(false);
    expect(parseSpdx('GPL-2.0+ WITH Classpath-exception-2.0')).toEqual({
      kind: 'licence',
      id: 'GPL-2.0',
      orLater: true,
      exception: 'Classpath-exception-2.0',
    });
  });

  it('refuses copyleft, source-available and non-commercial licences', () => {
    for (const id of [
      'GPL-3.0-only',
      'LGPL-2.1-or-later',
      'AGPL-3.0-or-later',
      'SSPL-1.0',
      'EUPL-1.2',
      'CC-BY-SA-4.0',
      'CC-BY-NC-4.0',
      'WTFPL',
    ]) {
      expect(allowed(id)).toBe(false);
    }
    expect(evaluateLicence('AGPL-3.0-only').reason).toMatch(/network copyleft/);
    expect(evaluateLicence('WTFPL').reason).toBe('WTFPL is not on the allow-list');
  });

  it('refuses "SEE LICENSE IN …", UNLICENSED, a missing licence and what is not an expression', () => {
    expect(evaluateLicence('SEE LICENSE IN LICENSE.txt')).toEqual({
      allowed: false,
      via: [],
      reason: 'a custom licence (SEE LICENSE IN LICENSE.txt)',
    });
    expect(evaluateLicence('UNLICENSED').reason).toMatch(/not licensed for use by others/);
    expect(allowed('Unlicense')).toBe(true);
    for (const missing of [null, undefined, '', '   '])
      expect(evaluateLicence(missing)).toMatchObject({ allowed: false, reason: 'no licence declared' });
    for (const broken of [
      'MIT OR',
      '(MIT',
      'MIT)',
      'AND MIT',
      'MIT Apache-2.0',
      'Apache 2.0',
      'MIT WITH',
      'MIT/X11',
      'http://example.com/LICENSE.txt',
      'Public Domain',
    ]) {
      expect(evaluateLicence(broken)).toMatchObject({
        allowed: false,
        reason: `"${broken}" is not an SPDX expression`,
      });
    }
  });

  it('refuses LicenseRef ids: a licence of its own needs an exception', () => {
    expect(allowed('LicenseRef-Proprietary')).toBe(false);
    expect(allowed('MIT AND LicenseRef-Custom')).toBe(false);
    expect(allowed('MIT OR LicenseRef-Custom')).toBe(true);
  });
});

describe('the licence a package.json declares', () => {
  it('takes the license field, or a legacy { type } object', () => {
    expect(declaredLicence({ license: 'MIT' })).toEqual({ licence: 'MIT', source: 'license' });
    expect(declaredLicence({ license: { type: 'ISC', url: 'https://…' } })).toEqual({
      licence: 'ISC',
      source: 'license',
    });
  });

  it('reads a legacy licenses array as alternatives', () => {
    expect(declaredLicence({ licenses: [{ type: 'MIT', url: 'x' }] })).toEqual({ licence: 'MIT', source: 'licenses' });
    expect(declaredLicence({ licenses: [{ type: 'MIT' }, { type: 'GPL-2.0' }] })).toEqual({
      licence: '(MIT OR GPL-2.0)',
      source: 'licenses',
    });
    expect(declaredLicence({ licenses: ['MIT', 'MIT'] })).toEqual({ licence: 'MIT', source: 'licenses' });
    expect(
      evaluateLicence(declaredLicence({ licenses: [{ type: 'GPL-2.0' }, { type: 'MIT' }] })!.licence).allowed,
    ).toBe(true);
  });

  it('is null when nothing is declared', () => {
    expect(declaredLicence({})).toBeNull();
    expect(declaredLicence({ license: '', licenses: [] })).toBeNull();
    expect(declaredLicence({ license: { url: 'x' } })).toBeNull();
  });
});

describe('licence texts', () => {
  const mit = `Copyright (c) 2012 Someone

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal ...

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.`;
  const isc = `Copyright (c) Someone

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.`;
  const bsd = `Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:`;

  it('recognises MIT, ISC, BSD and Apache-2.0 texts', () => {
    expect(recogniseLicenceText(mit)).toBe('MIT');
    expect(recogniseLicenceText(isc)).toBe('ISC');
    expect(recogniseLicenceText(bsd)).toBe('BSD-2-Clause');
    expect(recogniseLicenceText(`${bsd}\n3. Neither the name of the copyright holder nor …`)).toBe('BSD-3-Clause');
    expect(
      recogniseLicenceText(
        '                                 Apache License\n                           Version 2.0, January 2004',
      ),
    ).toBe('Apache-2.0');
  });

  it('recognises nothing else', () => {
    expect(recogniseLicenceText('MICROSOFT PRE-RELEASE SOFTWARE LICENSE TERMS')).toBeNull();
    expect(recogniseLicenceText(`${bsd}\n3. All advertising materials mentioning features …`)).toBeNull();
    expect(recogniseLicenceText(`GNU LESSER GENERAL PUBLIC LICENSE\n${mit}`)).toBeNull();
    expect(recogniseLicenceText('')).toBeNull();
  });
});

describe('exceptions', () => {
  const exception: LicenceException = {
    name: 'left-pad',
    version: '1.0.0',
    licence: null,
    reason: 'README says WTFPL-like public domain; reviewed.',
  };

  it('let through exactly the package, version and licence they were given for', () => {
    expect(checkPackage({ name: 'left-pad', version: '1.0.0', licence: null }, [exception])).toEqual({
      status: 'exception',
      why: exception.reason,
    });
    expect(checkPackage({ name: 'left-pad', version: '1.0.1', licence: null }, [exception])).toEqual({
      status: 'refused',
      why: 'no licence declared',
    });
    expect(checkPackage({ name: 'left-pad', version: '1.0.0', licence: 'GPL-3.0' }, [exception]).status).toBe(
      'refused',
    );
    expect(checkPackage({ name: 'right-pad', version: '1.0.0', licence: null }, [exception]).status).toBe('refused');
  });

  it('are not consulted for an allowed licence', () => {
    expect(checkPackage({ name: 'left-pad', version: '1.0.0', licence: '(MIT OR GPL-3.0)' }, [exception])).toEqual({
      status: 'allowed',
      why: 'MIT',
    });
  });

  it('need a name, an exact version, the licence found and a reason, and only for a refused licence', () => {
    expect(exceptionProblems([exception])).toEqual([]);
    expect(exceptionProblems({})).toEqual(['the exceptions file must hold an array']);
    expect(exceptionProblems([{ name: 'a', licence: null, reason: '' }])).toEqual([
      'a: no exact version',
      'a: no reason given',
    ]);
    expect(exceptionProblems([{ ...exception, licence: 'MIT' }])).toEqual([
      'left-pad: MIT is allowed anyway; the exception is not needed',
    ]);
    expect(exceptionProblems([{ version: '1', licence: 3, reason: 'x'.repeat(30) }])).toEqual([
      'entry 0: no package name',
      'entry 0: licence must be a string or null',
    ]);
  });
});
