// The writer of one rotation: a writer per store its targets live in (GitHub, GitLab, Forgejo, commands),
// joined into one that keeps the targets in the order the user gave them.

import { CommandWriter } from '../command/index.js';
import type { SecretWriter, StoreTarget } from '../core/interfaces.js';
import {
  type CommandTargetSpec,
  type ForgejoTargetSpec,
  type GitHubTargetSpec,
  type GitLabTargetSpec,
  isGitHubTarget,
  type RotationSpec,
  type TargetSpec,
} from '../core/spec.js';
import { joinWriters } from '../core/writers.js';
import { ForgejoWriter } from '../forgejo/writer.js';
import { secretTarget } from '../github/targets.js';
import { GitHubWriter } from '../github/writer.js';
import { GitLabWriter } from '../gitlab/writer.js';
import type { Services } from './services.js';

export function secretWriter(rotation: RotationSpec, services: Services): SecretWriter {
  const writers: { writer: SecretWriter; specs: TargetSpec[] }[] = [];
  const github = rotation.targets.filter(isGitHubTarget);
  if (github.length) writers.push({ writer: githubWriter(github, services), specs: github });
  const commands = rotation.targets.filter((t): t is CommandTargetSpec => t.type === 'command');
  if (commands.length) {
    // Output lines are made printable by the run's log; the writer cuts the token out of them itself.
    const writer = new CommandWriter(commands, services.commands ?? { log: () => {} });
    writers.push({ writer, specs: commands });
  }
  const forgejo = rotation.targets.filter((t): t is ForgejoTargetSpec => t.type.startsWith('forgejo-'));
  if (forgejo.length)
    writers.push({
      writer: new ForgejoWriter(forgejo, platform(services.forgejo, 'forgejo-token'), services.warn),
      specs: forgejo,
    });
  const gitlab = rotation.targets.filter((t): t is GitLabTargetSpec => t.type.startsWith('gitlab-'));
  if (gitlab.length)
    writers.push({
      writer: new GitLabWriter(gitlab, platform(services.gitlab, 'gitlab-token'), services.warn),
      specs: gitlab,
    });
  // Every writer's targets, back in the order of the rotation's targets.
  const bySpec = new Map<TargetSpec, StoreTarget>();
  for (const { writer, specs } of writers) {
    specs.forEach((spec, i) => {
      bySpec.set(spec, writer.targets[i]);
    });
  }
  return joinWriters(
    writers.map((w) => w.writer),
    rotation.targets.map((t) => bySpec.get(t)!),
  );
}

/** A store's client; inputs reading refuses a run that writes without its credential, so this is a bug guard. */
function platform<T>(client: T | undefined, credential: string): T {
  if (!client) throw new Error(`no ${credential} was given for targets that need it`);
  return client;
}

/** GitHub targets, each written with the GitHub client for its owner. */
function githubWriter(specs: GitHubTargetSpec[], services: Services): GitHubWriter {
  const targets = specs.map((spec) => ({ spec, target: secretTarget(spec) }));
  const byTarget = new Map(targets.map((t) => [t.target, t.spec]));
  return new GitHubWriter(
    targets.map((t) => t.target),
    (target) => services.github(byTarget.get(target)!),
  );
}
