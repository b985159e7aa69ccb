import { EmptyState } from '../../components/states';

export function LogsPage() {
  return <EmptyState title="LogsPage is being built" />;
}
