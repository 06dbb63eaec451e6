// Public API for Fly.io macaroon tokens.

export { type AccessRequest, allows } from './allows.js';
export {
  type AttenuateOptions,
  attenuateDecoded,
  attenuateHeader,
  attenuateMacaroon,
  attenuateTokens,
} from './attenuate.js';
export {
  Action,
  ATTESTATION_TYPES,
  CaveatType,
  type Command,
  caveatMessage,
  caveats,
  decodeCaveatSet,
  encodeCaveatElements,
  encodeCaveatSet,
  type Id,
  type IdSet,
  isKnownType,
  KNOWN_CAVEAT_TYPES,
} from './caveats.js';
export { finalizeTail, hmac, seal, unseal } from './crypto.js';
export {
  findOrgId,
  type MachineExecOptions,
  machineExec,
  machineExecCommands,
  readonly,
  SSH_MUTATIONS,
  ssh,
  wireguard,
  withValidityWindow,
} from './flyctl.js';
export { decode as decodeMsgpack, encode as encodeMsgpack, type MsgValue, RawMsg } from './msgpack.js';
export {
  addThirdPartyCaveat,
  type BundleResult,
  dischargeTicket,
  openTicket,
  type ThirdPartyBody,
  thirdPartyBody,
  verifyBundle,
} from './thirdparty.js';
export {
  type Caveat,
  type DecodedCaveat,
  type DecodedMacaroon,
  decodeMacaroon,
  formatHeader,
  formatToken,
  type Nonce,
  PERMISSION_LOCATION,
  parseHeader,
  TokenFormatError,
} from './token.js';
export {
  chainTails,
  type MintOptions,
  mintMacaroon,
  type VerifyOptions,
  type VerifyResult,
  verifierCaveatMessage,
  verifyMacaroon,
} from './verify.js';
