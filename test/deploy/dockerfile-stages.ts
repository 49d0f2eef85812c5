// deploy/docker/*.Dockerfile parsed with dockerfile-ast and split into build stages, for the image policy tests.
import { readFileSync, readdirSync } from 'node:fs';
import { DockerfileParser, ModifiableInstruction, type Instruction } from 'dockerfile-ast';
import { REPO_ROOT } from './helm';

export const DOCKER_DIR = `${REPO_ROOT}deploy/docker`;

export interface Step {
  keyword: string;
  /** Arguments without flags, continuation lines joined. */
  args: string;
  flags: Record<string, string | null>;
}

export interface Stage {
  image: string;
  name: string | null;
  tag: string | null;
  digest: string | null;
  alias: string | null;
  steps: Step[];
}

function step(i: Instruction): Step {
  const flags = i instanceof ModifiableInstruction ? Object.fromEntries(i.getFlags().map((f) => [f.getName(), f.getValue()])) : {};
  return { keyword: i.getKeyword(), args: (i.getRawArgumentsContent() ?? '').replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim(), flags };
}

/** The stages of one Dockerfile, in order; the last one is the image that ships. */
export function parseStages(file: string): Stage[] {
  const dockerfile = DockerfileParser.parse(readFileSync(`${DOCKER_DIR}/${file}`, 'utf8'));
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = dockerfile.getFROMs().find((f) => f.getRange().start.line === instruction.getRange().start.line)!;
      stages.push({
        image: from.getImage() ?? '',
        name: from.getImageName(),
        tag: from.getImageTag(),
        digest: from.getImageDigest(),
        alias: from.getBuildStage(),
        steps: [],
      });
    } else {
      stages.at(-1)?.steps.push(step(instruction));
    }
  }
  return stages;
}

export function dockerfiles(): string[] {
  return readdirSync(DOCKER_DIR).filter((f) => f.endsWith('.Dockerfile'));
}

/** Arguments of a JSON-form instruction (CMD ["a", "b"], HEALTHCHECK CMD [...]). */
export function jsonArgs(args: string): string[] {
  return JSON.parse(args.replace(/^CMD\s+/, '').replace(/^(--\S+\s+)*CMD\s+/, '')) as string[];
}
