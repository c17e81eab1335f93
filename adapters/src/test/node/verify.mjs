// node verify.mjs MESSAGE SIGNATURE PUBLIC_KEY prints whether @polkadot's sr25519Verify accepts the 0x-hex
// signature of the UTF-8 message under the 0x-hex public key: the tests' second opinion on Java signatures.
import { hexToU8a, stringToU8a } from '@polkadot/util';
import { cryptoWaitReady, sr25519Verify } from '@polkadot/util-crypto';

await cryptoWaitReady();
const [message, signature, publicKey] = process.argv.slice(2);
console.log(sr25519Verify(stringToU8a(message), hexToU8a(signature), hexToU8a(publicKey)));
