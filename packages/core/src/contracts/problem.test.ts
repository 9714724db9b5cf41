import { describe, expect, it } from 'vitest';
import { problemSchema, type Problem } from './problem';

const notFound: Problem = {
  type: 'https://exhale.app/problems/not-found',
  title: 'Not found',
  status: 404,
  code: 'not_found',
};

describe('problemSchema', () => {
  it('accepts a minimal problem', () => {
    expect(problemSchema.parse(notFound)).toEqual(notFound);
  });

  it('accepts a validation problem with its field list', () => {
    const problem = {
      type: '/problems/validation',
      title: 'Invalid request',
      status: 422,
      detail: 'Two fields are invalid.',
      code: 'validation_failed',
      instance: '/v1/bookings',
      errors: [
        { path: 'slot.start', message: 'must be in the future' },
        { path: '', message: 'body is required' },
      ],
    };
    expect(problemSchema.parse(problem)).toEqual(problem);
  });

  it('accepts about:blank, the RFC default type', () => {
    expect(problemSchema.safeParse({ ...notFound, type: 'about:blank' }).success).toBe(true);
  });

  it('ignores extension members it does not know', () => {
    expect(problemSchema.parse({ ...notFound, retryAfter: 30 })).toEqual(notFound);
  });

  it.each([
    ['a type that is not a URI', { type: 'not found' }],
    ['a relative type', { type: 'problems/not-found' }],
    ['an empty title', { title: '' }],
    ['a fractional status', { status: 404.5 }],
    ['a status out of HTTP range', { status: 600 }],
    ['an empty code', { code: '' }],
    ['an error without a message', { errors: [{ path: 'name' }] }],
  ])('rejects %s', (_label, override) => {
    expect(problemSchema.safeParse({ ...notFound, ...override }).success).toBe(false);
  });

  it('requires a code', () => {
    const { code: _code, ...withoutCode } = notFound;
    const result = problemSchema.safeParse(withoutCode);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['code']]);
  });
});
