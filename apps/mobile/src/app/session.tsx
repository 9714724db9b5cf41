import { SessionScreenLoader } from '@/screens/session/session-screen-loader';

export default function SessionRoute() {
  return <SessionScreenLoader />;
}
