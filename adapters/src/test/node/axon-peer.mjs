// sn1-gateway's reference peer: a Subnet 1 miner on 127.0.0.1 that checks each request as the Python SDK's
// axon (classic synapse, bittensor.md §1.7) or SN1's reference Epistula miner (§2.3) does, in the same order,
// with @polkadot's sr25519. The tests run it to prove that what the gateway signs verifies elsewhere.
//
//   node axon-peer.mjs [--port P] [--mode synapse|epistula|both] [--allow-unsigned] [--reply TEXT]
//                      [--chunk-delay-ms N]
//
// stderr: first a line {"event":"listening","port":P,"hotkey":SS58,...}.
// stdout: one line per request, once it is answered: {method, path, mode, status, verified, reason, signer}.
import http from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { hexToU8a, stringToU8a, u8aToHex } from '@polkadot/util';
import {
  cryptoWaitReady, decodeAddress, encodeAddress, sr25519PairFromSeed, sr25519Sign, sr25519Verify,
} from '@polkadot/util-crypto';

const BOB_MINI_SECRET = '0x398f0c28f98885e046333d4a41c19cee4c37368a9832c6502f6cfd182e2aef89'; // bittensor.md §3.5
const SYNAPSE = 'StreamPromptingSynapse';
const EPISTULA_PATH = '/v1/chat/completions';
const AXON_VERSION = 10002000; // the 10.2.0 SDK, whose axon this one follows
const V_7_2_0 = 7002000n; // dendrites from this version on get the nonce time window
const NONCE_WINDOW_NS = 4_000_000_000n;
const EPISTULA_STALE_MS = 8000;

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    mode: { type: 'string', default: 'both' },
    'allow-unsigned': { type: 'boolean', default: false },
    reply: { type: 'string', default: 'Hello from the reference peer.' },
    'chunk-delay-ms': { type: 'string', default: '50' },
  },
});
const port = Number(options.port);
const chunkDelayMs = Number(options['chunk-delay-ms']);
if (!['synapse', 'epistula', 'both'].includes(options.mode) || !Number.isInteger(port) || !(chunkDelayMs >= 0)) {
  process.stderr.write('usage: node axon-peer.mjs [--port P] [--mode synapse|epistula|both] [--allow-unsigned]'
    + ' [--reply TEXT] [--chunk-delay-ms N]\n');
  process.exit(2);
}

await cryptoWaitReady();
const pair = sr25519PairFromSeed(hexToU8a(BOB_MINI_SECRET));
const OWN_HOTKEY = encodeAddress(pair.publicKey, 42);
const AXON_UUID = randomUUID();
const lastNonces = new Map(); // "dendrite_hotkey:dendrite_uuid" -> the last nonce accepted
const nowNs = () => BigInt(Date.now()) * 1_000_000n;

const sha3 = (text) => createHash('sha3-256').update(text, 'utf8').digest('hex');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// CPython's repr() of a str (bittensor.md §1.5): the body hash is taken over str(messages).
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const ESCAPES = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function pythonRepr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (ch === quote) out += '\\' + ch;
    else if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (ch === ' ' || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (code <= 0xff) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code <= 0xffff) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += '\\U' + code.toString(16).padStart(8, '0');
  }
  return out + quote;
}
const bodyHash = (messages) => sha3(sha3('[' + messages.map(pythonRepr).join(', ') + ']'));

// Python's str() of an optional header value, as the SDK formats it into signed messages.
const str = (value) => (value === undefined || value === null ? 'None' : String(value));

// Python's int() of a header: surrounding blanks and a sign are allowed; an absent header stays None.
function pythonInt(text) {
  if (text === undefined) return null;
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new Error(`invalid literal for int() with base 10: '${text}'`);
  return BigInt(text.trim());
}

function publicKeyOf(address) {
  if (typeof address !== 'string' || address.startsWith('0x')) throw new Error(`Invalid SS58 address: ${str(address)}`);
  return decodeAddress(address);
}

// bittensor_wallet's Keypair.verify: 0x-hex only; the message as is, or wrapped in <Bytes> as polkadot-js signs.
function verifies(publicKey, message, signature) {
  if (!/^0x[0-9a-fA-F]{128}$/.test(signature)) throw new Error('Invalid signature: expected 0x and 64 bytes in hex');
  const bytes = hexToU8a(signature);
  return sr25519Verify(stringToU8a(message), bytes, publicKey)
    || sr25519Verify(stringToU8a(`<Bytes>${message}</Bytes>`), bytes, publicKey);
}

const pieces = (text) => text.match(/\S+\s*|\s+/g) ?? [];

async function stream(res, parts) {
  for (const part of parts) {
    if (res.destroyed) return;
    res.write(part);
    await sleep(chunkDelayMs);
  }
  res.end();
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// Header values as text: the synapse's numbers go out as Python's str() of them.
const asText = (headers) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));

function sendJson(res, status, value, headers = {}) {
  res.writeHead(status, { ...asText(headers), 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

// ---- classic synapse: the axon's steps of bittensor.md §1.7 ----
async function synapse(req, res, verdict) {
  const h = req.headers;
  const headers = { name: SYNAPSE, timeout: h.timeout ?? '12.0' };
  const refuse = (status, message, reason) => {
    verdict.reason = reason;
    Object.assign(headers, { bt_header_axon_status_code: status, bt_header_axon_status_message: message });
    sendJson(res, status, { message }, headers);
  };
  const internalError = (reason) => refuse(500, `Internal Server Error #${randomUUID()}`, reason);
  // 1. Route.
  const name = verdict.path.split('/')[1];
  if (name !== SYNAPSE) {
    headers.name = 'Synapse';
    return refuse(404, `Synapse name '${name}' not found. Available synapses ['${SYNAPSE}']`, 'unknown synapse');
  }
  // 2. Build the synapse from the headers alone, then stamp and sign the axon's part of it.
  let dendrite;
  let timeoutSeconds;
  try {
    for (const field of ['roles', 'messages']) {
      const empty = h[`bt_header_input_obj_${field}`];
      if (empty === undefined || !Array.isArray(JSON.parse(Buffer.from(empty, 'base64').toString('utf8')))) {
        throw new Error(`bt_header_input_obj_${field} is not the base64 of a JSON list`);
      }
    }
    timeoutSeconds = Number(headers.timeout.trim());
    if (headers.timeout.trim() === '' || Number.isNaN(timeoutSeconds)) {
      throw new Error(`could not convert string to float: '${headers.timeout}'`);
    }
    dendrite = {
      version: pythonInt(h.bt_header_dendrite_version), nonce: pythonInt(h.bt_header_dendrite_nonce),
      uuid: h.bt_header_dendrite_uuid, hotkey: h.bt_header_dendrite_hotkey, signature: h.bt_header_dendrite_signature,
    };
  } catch (e) {
    return internalError(`the headers do not make a synapse: ${e.message}`);
  }
  verdict.signer = dendrite.hotkey ?? null;
  const axonNonce = nowNs();
  const signed = `${axonNonce}.${str(dendrite.hotkey)}.${str(h.bt_header_axon_hotkey)}.${AXON_UUID}`;
  Object.assign(headers, {
    bt_header_axon_version: AXON_VERSION, bt_header_axon_nonce: axonNonce, bt_header_axon_uuid: AXON_UUID,
    bt_header_axon_hotkey: str(h.bt_header_axon_hotkey),
    bt_header_axon_signature: u8aToHex(sr25519Sign(stringToU8a(signed), pair)),
  });
  // 3. Blacklist: this peer admits every hotkey.
  // 4. Verify, as the SDK's default verifier: key, nonce rules, signature; then remember the nonce.
  const bodyHashHeader = h.computed_body_hash ?? '';
  const message = [dendrite.nonce, dendrite.hotkey, OWN_HOTKEY, dendrite.uuid, bodyHashHeader].map(str).join('.');
  const endpoint = `${dendrite.hotkey}:${dendrite.uuid}`;
  try {
    const publicKey = publicKeyOf(dendrite.hotkey);
    if (dendrite.nonce === null) throw new Error('Missing Nonce');
    const last = lastNonces.get(endpoint);
    if (dendrite.version !== null && dendrite.version >= V_7_2_0) {
      const now = nowNs();
      const allowedNs = NONCE_WINDOW_NS + BigInt(Math.round(timeoutSeconds * 1e9));
      if (last === undefined && dendrite.nonce <= now - allowedNs) {
        throw new Error(`Nonce is too old: acceptable delta is ${(Number(allowedNs) / 1e9).toFixed(2)} seconds`
          + ` but request was ${(Number(now - dendrite.nonce) / 1e9).toFixed(2)} seconds old`);
      }
      if (last !== undefined && dendrite.nonce <= last) {
        throw new Error('Nonce is too old, a newer one was last processed');
      }
    } else if (last !== undefined && dendrite.nonce <= last) {
      throw new Error('Nonce is too small');
    }
    if (dendrite.signature) {
      if (!verifies(publicKey, message, dendrite.signature)) {
        throw new Error(`Signature mismatch with ${message} and ${dendrite.signature}`);
      }
    } else if (!options['allow-unsigned']) {
      // What 7.x axons answered; since 2025 the SDK skips the check, which --allow-unsigned gives.
      throw new Error('Signature should be of type bytes or a hex-string');
    }
    lastNonces.set(endpoint, dendrite.nonce);
  } catch (e) {
    return refuse(401, `Not Verified with error: ${e.message}`, `not verified: ${e.message}`);
  }
  // 5. Priority: none. 6. Body integrity (a failing dependency, so 500), then the body model (422).
  let body;
  try {
    body = JSON.parse((await readBody(req)).toString('utf8'));
  } catch (e) {
    return internalError(`the body is not JSON: ${e.message}`);
  }
  const listOfStr = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!listOfStr(body?.messages)) return internalError('messages is not a list of str');
  const parsedHash = bodyHash(body.messages);
  if (parsedHash !== bodyHashHeader) {
    return internalError(`Hash mismatch between header body hash ${bodyHashHeader} and parsed body hash ${parsedHash}`);
  }
  if (!listOfStr(body.roles)) {
    verdict.reason = 'roles is not a list of str';
    return sendJson(res, 422, { detail: [{ loc: ['body', 'roles'], msg: 'Input should be a valid list of str' }] });
  }
  // 7. Forward: stream the reply as bare text.
  verdict.verified = true;
  verdict.reason = 'ok';
  Object.assign(headers, { bt_header_axon_status_code: 200, bt_header_axon_status_message: 'Success' });
  res.writeHead(200, { ...asText(headers), 'content-type': 'text/event-stream' });
  await stream(res, pieces(options.reply));
}

// ---- Epistula v2: SN1's reference miner, bittensor.md §2.3 (it has no metagraph, so no stake check) ----
async function epistula(req, res, verdict) {
  const h = req.headers;
  const signedBy = h['epistula-signed-by'];
  const signedFor = h['epistula-signed-for'];
  const now = Date.now();
  verdict.signer = signedBy ?? null;
  const refuse = (detail) => {
    verdict.reason = detail;
    sendJson(res, 400, { detail });
  };
  if (signedFor !== OWN_HOTKEY) return refuse('Bad Request, message is not intended for self');
  const body = await readBody(req);
  // verify_signature's order; where Python raises instead of returning an error, FastAPI answers 500.
  let timestamp;
  let publicKey;
  if (typeof h['epistula-request-signature'] !== 'string') return refuse('Invalid Signature');
  try {
    timestamp = pythonInt(h['epistula-timestamp']);
    if (timestamp === null) throw new Error("int() argument must be a string, not 'NoneType'");
  } catch (e) {
    verdict.reason = e.message;
    return sendJson(res, 500, { detail: 'Internal Server Error' });
  }
  if (typeof signedBy !== 'string') return refuse('Invalid Sender key');
  if (typeof h['epistula-uuid'] !== 'string') return refuse('Invalid uuid');
  try {
    publicKey = publicKeyOf(signedBy);
  } catch (e) {
    verdict.reason = e.message;
    return sendJson(res, 500, { detail: 'Internal Server Error' });
  }
  if (timestamp + BigInt(EPISTULA_STALE_MS) < BigInt(now)) return refuse('Request is too stale');
  const message = `${sha256(body)}.${h['epistula-uuid']}.${timestamp}.${signedFor}`;
  try {
    if (!verifies(publicKey, message, h['epistula-request-signature'])) return refuse('Signature Mismatch');
  } catch (e) {
    verdict.reason = e.message;
    return sendJson(res, 500, { detail: 'Internal Server Error' });
  }
  verdict.verified = true;
  verdict.reason = 'ok';
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(now / 1000);
  const event = (delta, finishReason) => `data: ${JSON.stringify({
    id, object: 'chat.completion.chunk', created, model: 'reference-peer',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  })}\n\n`;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  await stream(res, [event({ role: 'assistant', content: '' }, null),
    ...pieces(options.reply).map((piece) => event({ content: piece }, null)), event({}, 'stop'), 'data: [DONE]\n\n']);
}

const server = http.createServer(async (req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const verdict = { method: req.method, path, mode: null, status: null, verified: false, reason: null, signer: null };
  res.once('close', () => {
    verdict.status = res.statusCode;
    if (!res.writableFinished) verdict.reason = `${verdict.reason} (the connection closed early)`;
    process.stdout.write(JSON.stringify(verdict) + '\n');
  });
  try {
    if (options.mode !== 'synapse' && path === EPISTULA_PATH) {
      verdict.mode = 'epistula';
      if (req.method !== 'POST') return sendJson(res, 405, { detail: 'Method Not Allowed' });
      return await epistula(req, res, verdict);
    }
    if (options.mode !== 'epistula' && !path.startsWith('/v1/')) {
      verdict.mode = 'synapse';
      return await synapse(req, res, verdict);
    }
    verdict.reason = 'unknown path';
    return sendJson(res, 404, { detail: 'Not Found' });
  } catch (e) {
    verdict.reason = `the peer failed: ${e.message}`;
    if (res.headersSent) res.destroy();
    else sendJson(res, 500, { detail: 'Internal Server Error' });
  }
});

server.listen(port, '127.0.0.1', () => {
  process.stderr.write(JSON.stringify({
    event: 'listening', host: '127.0.0.1', port: server.address().port, hotkey: OWN_HOTKEY, mode: options.mode,
    allow_unsigned: options['allow-unsigned'],
  }) + '\n');
});
