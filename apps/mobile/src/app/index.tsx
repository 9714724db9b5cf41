import { HomeScreen } from '@/screens/home/home-screen';

export default function HomeRoute() {
  return <HomeScreen />;
}
