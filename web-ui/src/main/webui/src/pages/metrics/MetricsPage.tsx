import { EmptyState } from '../../components/states';

export function MetricsPage() {
  return <EmptyState title="MetricsPage is being built" />;
}
