import { HomeGate } from '@/screens/home/home-gate';

export default function HomeRoute() {
  return <HomeGate />;
}
