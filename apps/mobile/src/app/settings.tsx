import { SettingsScreenLoader } from '@/screens/settings/settings-screen-loader';

export default function SettingsRoute() {
  return <SettingsScreenLoader />;
}
