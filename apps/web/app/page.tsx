import { FlowsList } from '@/src/builder/flows/FlowsList';

/** Home: the flows list (it loads through the HTTP API in the browser). */
export default function FlowsPage() {
  return <FlowsList />;
}
