import { SessionCompleteScreen } from '@/screens/session-complete/session-complete-screen';

export default function SessionCompleteRoute() {
  return <SessionCompleteScreen />;
}
