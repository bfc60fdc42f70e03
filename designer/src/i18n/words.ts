/** Same keys, any words: what a second language's dictionary must have (the compiler checks it). */
export type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : Words<T[K]> };
