import { EmptyState } from '../../components/states';

export function IssuesPage() {
  return <EmptyState title="IssuesPage is being built" />;
}
