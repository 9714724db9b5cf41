import { IntroductionScreenLoader } from '@/screens/introduction/introduction-screen-loader';

export default function IntroductionRoute() {
  return <IntroductionScreenLoader />;
}
