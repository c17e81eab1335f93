// Streams a traced chat through the official OpenAI Node client, reading every chunk the usual way
// (choices[0].delta.content), and reports the text and the steps of its sn1_miner chunks as one JSON line.
// Usage: node openai-stream.mjs BASE_URL API_KEY
import OpenAI from "openai";

const [base, key] = process.argv.slice(2);
const client = new OpenAI({ baseURL: base + "/v1", apiKey: key, maxRetries: 0 });
const stream = await client.chat.completions.create({
  model: "sn1", stream: true, messages: [{ role: "user", content: "Tell me about tides" }],
  // The gateway's extensions: uid 0 answers, uid 2 sends nothing; longest waits for both.
  uids: [0, 2], k: 2, prefer: "longest", trace: true,
});
let text = "";
const steps = [];
for await (const chunk of stream) {
  text += chunk.choices[0].delta.content || "";
  if (chunk.sn1_miner) {
    steps.push(chunk.sn1_miner);
  }
}
console.log(JSON.stringify({ text, steps }));
