import type { Rule } from '../diagnostics';
import { relativeTo, sectionHeader } from './support';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

/** The host part of a broker URL such as amqp://user:pass@host:5672/vhost. */
export function brokerHost(url: string): string {
  const m = /^[A-Za-z][\w+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)/.exec(url.trim());
  return m ? m[1].toLowerCase() : '';
}

export const celeryBrokerNotShared: Rule = {
  id: 'celery-broker-not-shared',
  severity: 'warning',
  description: 'Several instances use Celery, but the broker is missing or on localhost, so each instance has its own queue.',
  check({ model, env, deployment, report }) {
    if (env.peers.length === 0 || !deployment.useCelery) return;
    const app = model.appSection();
    if (!app) return;
    const broker = model.appSetting('celery.broker_url') ?? model.appSetting('broker.url');
    const others = env.peers.map((p) => relativeTo(model.filePath, p.path)).join(', ');
    if (!broker?.value) {
      const useCelery = model.appSetting('use_celery')?.entry;
      report({
        range: useCelery ? useCelery.keyRange : sectionHeader(model.parsed, app)!.headerRange,
        message: `use_celery = true but no celery.broker_url is set, so Celery falls back to its default broker on this machine, while other instances of the site (${others}) need the same queue. Set celery.broker_url to one broker that every instance reaches.`,
      });
      return;
    }
    const host = brokerHost(broker.value);
    if (!LOCAL_HOSTS.has(host) || !broker.entry) return;
    report({
      range: broker.entry.valueRange,
      message: `The Celery broker is on ${host || 'this machine'}, so every instance of the site (${others}) queues its tasks on its own machine; tasks pile up where no worker listens and locks are not shared. Point celery.broker_url at one broker that every instance reaches.`,
    });
  },
};
