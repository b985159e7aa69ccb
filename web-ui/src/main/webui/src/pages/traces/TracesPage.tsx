import { EmptyState } from '../../components/states';

export function TracesPage() {
  return <EmptyState title="TracesPage is being built" />;
}
