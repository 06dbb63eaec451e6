import * as core from '@actions/core';
import { main } from './main.js';

await main(core, process.env);
