import type { Rule } from '../analysis/diagnostics';
import { isOn } from '../catalog/values';

export const sshConfig: Rule = {
  id: 'ssh-config',
  category: 'startup',
  severity: 'warning',
  description: 'SSH access on without `ssh_authorized_keys`, with a relative `kallithea_cli_path`, or without quiet ssh-serve logging.',
  check({ model, report }) {
    const enabled = model.appSetting('ssh_enabled');
    if (!enabled?.entry || !isOn('tg', enabled.value)) return;
    if (!model.appSetting('ssh_authorized_keys')?.value?.trim())
      report({
        range: enabled.entry.valueRange,
        message: 'ssh_enabled = true, but ssh_authorized_keys is not set, so Kallithea never writes the keys users add and SSH access never works. Set it to the authorized_keys file of the account that runs Kallithea.',
      });
    const cli = model.appSetting('kallithea_cli_path');
    if (cli?.entry && cli.value?.trim() && !cli.value.trim().startsWith('/'))
      report({
        range: cli.entry.valueRange,
        message: `kallithea_cli_path "${cli.value.trim()}" is not an absolute path, so sshd looks it up on its own PATH, which usually does not include the virtualenv: SSH access fails. Use the full path, e.g. /srv/kallithea/venv/bin/kallithea-cli.`,
      });
    if (model.sections.has('loggers') && !model.sections.has('ssh_serve:logger_root'))
      report({
        range: enabled.entry.keyRange,
        message: 'There is no [ssh_serve:logger_root] section, so when kallithea-cli ssh-serve runs, log lines go to stderr and reach the SSH client mixed with the protocol. Add [ssh_serve:logger_root] with level = CRITICAL and a null handler, as the generated config does.',
        severity: 'information',
      });
  },
};
