import { prepareTemplates } from './databases';

export default async function setup(): Promise<void> {
  await prepareTemplates();
}
