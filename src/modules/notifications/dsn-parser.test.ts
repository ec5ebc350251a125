import { describe, expect, it } from 'vitest';
import { parseDsn } from './dsn-parser.ts';
import { postfixBounce } from './dsn.fixtures.ts';

describe('RFC 3464 delivery status notifications', () => {
  it('reads the Message-ID of the returned message and the status and reason of the recipient', () => {
    expect(parseDsn(postfixBounce('<c1.p1.email@belmij.test>', 'jan@example.test'))).toEqual([
      { messageId: '<c1.p1.email@belmij.test>', status: '5.1.1', reason: '550 5.1.1 <jan@example.test>: Recipient address rejected: User unknown' },
    ]);
  });

  it('reads a delayed notice with LF line ends and a returned full message', () => {
    const raw = postfixBounce('<c1.p2.email@belmij.test>', 'piet@example.test', '4.4.1', 'smtp; 421 try again later').replaceAll('\r\n', '\n').replace('Content-Type: text/rfc822-headers', 'Content-Type: message/rfc822');
    expect(parseDsn(raw)).toEqual([{ messageId: '<c1.p2.email@belmij.test>', status: '4.4.1', reason: '421 try again later' }]);
  });

  it('finds nothing in an ordinary e-mail or an out-of-office reply', () => {
    expect(parseDsn('From: a@example.test\r\nSubject: Out of office\r\n\r\nI am away until Monday.\r\n')).toEqual([]);
  });
});
