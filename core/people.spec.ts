import { findMember, type Member } from './people';

const anna: Member = { aadObjectId: 'a-1', name: 'Anna Becker', upn: 'anna.becker@amt.example' };
const jonas: Member = { aadObjectId: 'a-2', name: 'Jonas Wagner', upn: 'Jonas.Wagner@amt.example' };
const annaB: Member = { aadObjectId: 'a-3', name: 'Anna Bergmann' };

describe('findMember', () => {
  const all = [anna, jonas, annaB, anna];
  it('finds by id, UPN (any case), whole name and a unique part of the name', () => {
    expect(findMember('a-2', all)).toEqual({ kind: 'one', member: jonas });
    expect(findMember('JONAS.WAGNER@amt.example', all)).toEqual({ kind: 'one', member: jonas });
    expect(findMember(' anna becker ', all)).toEqual({ kind: 'one', member: anna });
    expect(findMember('Wagner', all)).toEqual({ kind: 'one', member: jonas });
    expect(findMember('anna.becker', all)).toEqual({ kind: 'one', member: anna });
  });
  it('reports several matches and no match instead of guessing', () => {
    expect(findMember('Anna', all)).toEqual({ kind: 'many', members: [anna, annaB] });
    expect(findMember('Leyla', all)).toEqual({ kind: 'none' });
    expect(findMember('  ', all)).toEqual({ kind: 'none' });
  });
});
