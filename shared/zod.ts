import { z } from 'zod';

// Every schema's own messages in Chinese, in the core and in the page alike: set where the schemas get zod, so no
// program part can validate before it is set (the page loads the schemas only with the screens that need them).
z.config(z.locales.zhCN());

export { z };
