import { describe, expect, it } from 'vitest';
import { injectRunnerToken } from './inject-token.ts';

describe('injectRunnerToken', () => {
  it.each([
    ['<html><head><title>x</title></head></html>', '<html><head><meta name="portside-runner" content="T0k-_"><title>x</title></head></html>'],
    ['<HEAD lang="en"><title>x</title>', '<HEAD lang="en"><meta name="portside-runner" content="T0k-_"><title>x</title>'],
    ['<header>no head here</header>', '<meta name="portside-runner" content="T0k-_"><header>no head here</header>'],
  ])('%s', (html, expected) => expect(injectRunnerToken(html, 'T0k-_')).toBe(expected));
});
