// Request input the portal does not trust (issue 14): the client IP only as the trusted proxies report it, and
// request bodies read with a cap.
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readTextCapped } from '@/lib/http/body';
import { clientIpFrom } from '@/lib/http/client-ip';

describe('clientIpFrom', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientIpFrom('203.0.113.7', 0)).toBeNull();
    expect(clientIpFrom(null, 1)).toBeNull();
  });
  it('takes the entry the trusted proxy appended, not what the client wrote before it', () => {
    // The client sent "1.2.3.4" itself; the one proxy appended the address it saw.
    expect(clientIpFrom('1.2.3.4, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientIpFrom('1.2.3.4, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientIpFrom('203.0.113.7', 2)).toBeNull();
  });
  it('refuses what is not an address', () => {
    expect(clientIpFrom('<script>', 1)).toBeNull();
    expect(clientIpFrom('2001:db8::1', 1)).toBe('2001:db8::1');
  });
});

describe('readTextCapped', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    new Request('http://localhost/api/payments/callback', { method: 'POST', body, headers });

  it('reads a body within the cap', async () => {
    expect(await readTextCapped(post('{"a":1}'), 100)).toBe('{"a":1}');
  });
  it('refuses a declared length over the cap before reading', async () => {
    await expect(readTextCapped(post('x', { 'content-length': '1000000' }), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
  it('stops reading a body without a declared length at the cap', async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(64));
      },
    });
    const request = new Request('http://localhost/x', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    await expect(readTextCapped(request, 1000)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
