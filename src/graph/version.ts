/** Version of kg, written into every graph it builds. Keep in step with package.json. */
export const VERSION = '0.1.0';
