import { renderYaml } from '../../yaml.ts';
import { type Command, loadArgs } from '../command.ts';

export const renderCommand: Command = {
  help: `vmtopo render <topology.json | manifests: files, directories, kustomization.yaml, -...>

Prints the design as kubectl-ready operator YAML, one document per object. Exit 2 on bad input.`,
  run(args, io) {
    const { topology } = loadArgs(args, io);
    io.out(renderYaml(topology));
    return 0;
  },
};
