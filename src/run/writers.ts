// The writer of one rotation: a writer per store its targets live in, joined into one that keeps the targets
// in the order the user gave them.
import type { SecretWriter, StoreTarget } from '../core/interfaces.js';
import type { RotationSpec, TargetSpec } from '../core/spec.js';
import { joinWriters } from '../core/writers.js';
import { STORES } from '../stores.js';
import type { Services } from './services.js';

export function secretWriter(rotation: RotationSpec, services: Services): SecretWriter {
  const writers: { writer: SecretWriter; specs: TargetSpec[] }[] = [];
  for (const store of STORES) {
    const specs = rotation.targets.filter(store.owns);
    const connected = services.stores.get(store);
    if (!specs.length) continue;
    // Services connect every store of the registry; one missing is a bug.
    if (!connected) throw new Error(`store ${store.id} is not connected`);
    writers.push({ writer: connected.writer(specs), specs });
  }
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
