import { SessionCompleteScreenLoader } from '@/screens/session-complete/session-complete-screen-loader';

export default function SessionCompleteRoute() {
  return <SessionCompleteScreenLoader />;
}
