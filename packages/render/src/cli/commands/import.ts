import { toDocument } from '@vmtopo/model';
import { type Command, loadArgs } from '../command.ts';

export const importCommand: Command = {
  help: `vmtopo import <manifests.yaml|->

Reads VictoriaMetrics operator manifests (multi-document YAML) and prints the topology document
(JSON). Objects of other kinds are kept; warnings go to stderr. Exit 2 on bad input.`,
  run(args, io) {
    const { topology } = loadArgs(args, io);
    io.out(JSON.stringify(toDocument(topology), null, 2));
    return 0;
  },
};
