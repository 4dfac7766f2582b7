// The typed client of the plugin's components and pages, over pluginCloud().
import { createClient } from '../../contract/client';
import { pluginCloud } from './cloud';

const client = createClient(pluginCloud);

export const invoke = client.invoke;
export { isCloudError } from '../../contract/client';
