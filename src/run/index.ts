// What a door loads once its inputs are valid: the clients and the modes, one chunk shared by the action and
// the CLI (a refused run or a plan never loads it).
export { execute } from './execute.js';
export { createServices } from './services.js';
