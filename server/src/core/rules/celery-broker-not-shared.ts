import type { Rule } from '../analysis/diagnostics';
import { onSameHost } from '../model/workspace';
import { relativeTo, sectionHeader } from './support';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

export const celeryBrokerNotShared: Rule = {
  id: 'celery-broker-not-shared',
  category: 'deployment',
  severity: 'warning',
  description: 'Instances on several machines use Celery with no broker, or one on localhost.',
  check({ model, env, deployment, report }) {
    if (env.peers.length === 0 || !deployment.useCelery) return;
    const app = model.appSection();
    if (!app) return;
    const broker = deployment.broker;
    const self = { path: model.filePath, model };
    // Instances on this same machine reach the same broker on localhost.
    const elsewhere = env.peers.filter((p) => !onSameHost(self, p));
    if (elsewhere.length === 0) return;
    const others = elsewhere.map((p) => relativeTo(model.filePath, p.path)).join(', ');
    if (!broker) {
      const useCelery = model.appSetting('use_celery')?.entry;
      report({
        range: useCelery ? useCelery.keyRange : sectionHeader(model.parsed, app)!.headerRange,
        message: `use_celery = true but no celery.broker_url is set, so Celery falls back to its default broker on this machine, while instances of the site on other machines (${others}) need the same queue. Set celery.broker_url to one broker that every instance reaches.`,
      });
      return;
    }
    if (!LOCAL_HOSTS.has(broker.host)) return;
    report({
      range: broker.entry.valueRange,
      message: `The Celery broker (${broker.key}) is on ${broker.host || 'this machine'}, so the instances of the site on other machines (${others}) queue their tasks on their own machines; tasks pile up where no worker listens and locks are not shared. Point celery.broker_url at one broker that every instance reaches.`,
    });
  },
};
