import { EmptyState } from '../../components/states';

export function IssueDetailPage() {
  return <EmptyState title="IssueDetailPage is being built" />;
}
