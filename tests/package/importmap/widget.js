// The package's element in a plain page: the import map says where
// `%PACKAGE%/widget` is; one import defines <parallax-compare>, given the seeds.
import '%PACKAGE%/widget';
import { watchElement } from './watch-element.js';

const names = await (await fetch('./seeds/manifest.json')).json();
watchElement(await Promise.all(names.map(async (id) => ({ id, text: await (await fetch(`./seeds/${id}`)).text() }))));
