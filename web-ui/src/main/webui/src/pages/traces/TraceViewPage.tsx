import { EmptyState } from '../../components/states';

export function TraceViewPage() {
  return <EmptyState title="TraceViewPage is being built" />;
}
