'use strict';
// The blue-green magic-link tests' app: passwordless login whose links go out by SMTP to the compose service "mail"
// (a MailDev in the project's network: containers cannot reach the host's 127.0.0.1). It records every token and
// session it issues, with its version, in /data/issued.log (the project's named volume), so a test can look for them
// in the step's log and reports. A version with /www/broken-login answers every verification with 500.
const http = require('http');
const net = require('net');
const crypto = require('crypto');
const fs = require('fs');

const version = fs.readFileSync('/www/index.html', 'utf8').trim();
const broken = fs.existsSync('/www/broken-login');
const tokens = new Map();
const sessions = new Map();

function issued(kind, value) {
  fs.appendFileSync('/data/issued.log', version + ' ' + kind + ' ' + value + '\n');
}

// One SMTP conversation, a command per reply; any reply but 2xx/3xx fails it.
function mail(to, link, done) {
  const commands = ['EHLO app', 'MAIL FROM:<login@example.test>', 'RCPT TO:<' + to + '>', 'DATA',
    'From: login@example.test\r\nTo: ' + to + '\r\nSubject: Your login link\r\nDate: ' + new Date().toUTCString()
      + '\r\nContent-Type: text/plain\r\n\r\nLog in: ' + link + '\r\n.', 'QUIT'];
  const socket = net.connect(1025, 'mail');
  let buffer = '';
  let next = 0;
  let finished = false;
  const finish = err => { if (!finished) { finished = true; socket.destroy(); done(err); } };
  socket.setTimeout(5000, () => finish(new Error('SMTP timed out')));
  socket.on('error', finish);
  socket.on('data', chunk => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const reply = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (reply[3] === '-') continue;
      if (!/^[23]/.test(reply)) return finish(new Error(reply));
      if (next === commands.length) return finish(null);
      socket.write(commands[next++] + '\r\n');
    }
  });
}

function json(res, status, body) {
  res.writeHead(status, {'Content-Type': 'application/json'});
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://app');
  let body = '';
  req.on('data', c => { body += c; });
  req.on('end', () => {
    if (req.method === 'POST' && url.pathname === '/api/auth/send-magic-link') {
      let email;
      try { email = JSON.parse(body).email; } catch (e) { return json(res, 400, {error: 'not JSON'}); }
      const token = crypto.randomBytes(16).toString('hex');
      tokens.set(token, email);
      issued('token', token);
      const link = 'http://' + (req.headers.host || 'app') + '/login?token=' + token;
      return mail(email, link, err => err ? json(res, 502, {error: 'mail: ' + err.message}) : json(res, 200, {sent: true}));
    }
    if (req.method === 'GET' && url.pathname === '/api/auth/verify') {
      const token = url.searchParams.get('token');
      if (broken) return json(res, 500, {error: 'login is broken in ' + version});
      if (!tokens.has(token)) return json(res, 400, {error: 'invalid token'});
      const email = tokens.get(token);
      tokens.delete(token);
      const session = crypto.randomBytes(16).toString('hex');
      sessions.set(session, email);
      issued('session', session);
      return json(res, 200, {sessionToken: session});
    }
    if (req.method === 'GET' && url.pathname === '/api/user/profile') {
      const m = /^Bearer (.+)$/.exec(req.headers.authorization || '');
      if (!m || !sessions.has(m[1])) return json(res, 401, {error: 'no session'});
      return json(res, 200, {email: sessions.get(m[1]), version: version});
    }
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/ready')) {
      res.writeHead(200, {'Content-Type': 'text/plain'});
      return res.end(version + '\n');
    }
    json(res, 404, {error: 'not found'});
  });
});
server.listen(8080, '0.0.0.0');
// PID 1 in its container: without a handler, SIGTERM would wait for the engine's SIGKILL.
process.on('SIGTERM', () => process.exit(0));
