import { CustomerService } from '../customers/index.ts';
import type { ModuleContext, PlatformModule } from '../server/module.ts';
import { Applications } from './applications.ts';
import { OnboardingCompletion } from './completion.ts';
import { CoreBankingClient } from './core-banking.ts';
import { CoreBankingSimulator } from './core-banking-simulator.ts';
import { loadDemoApplications } from './demo-data.ts';
import { applicationRoutes } from './routes-applications.ts';
import { watchlistRoutes } from './routes-watchlist.ts';
import { OnboardingSteps } from './steps.ts';
import { Watchlist } from './watchlist.ts';
import { assignRmWorker, createCustomerWorker, openAccountWorker } from './workers/account.ts';
import {
  recordReviewWorker,
  recordRiskWorker,
  refuseWorker,
  screenAmlWorker,
  verifyIdentityWorker,
} from './workers/kyc.ts';

export { CoreBankingSimulator } from './core-banking-simulator.ts';

interface Parts {
  applications: Applications;
  watchlist: Watchlist;
  steps: OnboardingSteps;
  completion: OnboardingCompletion;
  /** The core-banking simulator, when this platform runs one (CORE_BANKING_URL unset, demo mode). */
  simulator: CoreBankingSimulator | undefined;
  simulatorUrl: Promise<string> | undefined;
}

/** One set of services per platform: routes, workers and the simulator share them. */
const parts = new WeakMap<ModuleContext, Parts>();
function partsOf(context: ModuleContext): Parts {
  const found = parts.get(context);
  if (found) return found;
  const { coreBankingUrl } = context.config.onboarding;
  const simulator =
    coreBankingUrl === undefined && context.config.demo
      ? new CoreBankingSimulator(context.logger)
      : undefined;
  const made: Parts = {} as Parts;
  const baseUrl = async () => {
    if (coreBankingUrl) return coreBankingUrl;
    if (!simulator)
      throw new Error(
        'CORE_BANKING_URL is not set (and DEMO=false runs no core-banking simulator): set it, then retry',
      );
    made.simulatorUrl ??= simulator.start();
    return made.simulatorUrl;
  };
  const applications = new Applications(context);
  const watchlist = new Watchlist(context);
  const steps = new OnboardingSteps(applications, watchlist, new CoreBankingClient(baseUrl));
  Object.assign(made, {
    applications,
    watchlist,
    steps,
    completion: new OnboardingCompletion(steps, new CustomerService(context)),
    simulator,
  });
  parts.set(context, made);
  return made;
}

/** Loads the demo applications (the bootstrap does in demo mode; tests call it directly). */
export function loadOnboardingDemo(context: ModuleContext): Promise<number> {
  return loadDemoApplications(context, partsOf(context));
}

/** The core-banking simulator this platform runs, if any (tests tell it to fail). */
export function coreBankingSimulatorOf(context: ModuleContext): CoreBankingSimulator | undefined {
  return partsOf(context).simulator;
}

/**
 * onboarding: applications for new customers with KYC (NIK checks, the document checklist),
 * AML screening against compliance's watch list, the risk decision, a manual review for HIGH
 * risk, account opening through the core-banking adapter (or its simulator in demo mode),
 * the customer created with their consents, a welcome message and a relationship manager.
 */
export const onboardingModule: PlatformModule = {
  name: 'onboarding',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, context) => {
    const { applications, watchlist } = partsOf(context);
    applicationRoutes(app, applications);
    watchlistRoutes(app, watchlist);
  },
  workers: (context) => {
    const { steps, completion } = partsOf(context);
    return [
      verifyIdentityWorker(steps),
      screenAmlWorker(steps),
      recordRiskWorker(steps),
      recordReviewWorker(steps),
      refuseWorker(completion),
      openAccountWorker(steps),
      createCustomerWorker(completion),
      assignRmWorker(completion),
    ];
  },
  bootstrap: async (context) => {
    if (!context.config.demo || context.config.nodeEnv === 'test') return;
    const loaded = await loadDemoApplications(context, partsOf(context));
    if (loaded > 0) context.logger.info({ applications: loaded }, 'demo onboarding applications loaded');
  },
  start: (context) => {
    const found = partsOf(context);
    if (!found.simulator) {
      if (!context.config.onboarding.coreBankingUrl)
        context.logger.warn('CORE_BANKING_URL is not set: accounts cannot be opened until it is');
      return async () => {};
    }
    found.simulatorUrl ??= found.simulator.start();
    const simulator = found.simulator;
    return async () => {
      await found.simulatorUrl?.catch(() => undefined);
      await simulator.stop();
    };
  },
};
