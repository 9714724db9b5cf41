import { ProgressScreenLoader } from '@/screens/progress/progress-screen-loader';

export default function ProgressRoute() {
  return <ProgressScreenLoader />;
}
