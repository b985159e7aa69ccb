import { EmptyState } from '../../components/states';

export function AlertsPage() {
  return <EmptyState title="AlertsPage is being built" />;
}
