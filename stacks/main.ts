/**
 * Entry point of the main job (`npm run synth`, `npx cdktf synth`): every reference architecture in
 * stacks/ is synthesized by ./synth-all.
 *
 * Source maps are turned off before anything else loads: with tsx's source maps on, Node parses the
 * inline maps of every cdktf and provider module and source-maps the stack trace cdktf records for
 * every token, about 0.5 s of the synth. The library's errors name construct paths, not frames.
 */
process.setSourceMapsEnabled(false);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./synth-all');
