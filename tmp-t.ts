import { buildItemCard } from './cards/item-card';
const item:any = { id:'i1', kind:'idea', question:'Q?', anonymous:false, status:'open', teamId:'t', channelId:'c', createdBy:'x', createdAt:new Date(), locale:'de', options:[] };
console.log(JSON.stringify(buildItemCard({item, locale:'de', participants:0, ideaCount:0, minGroupSize:5, timeZone:'Europe/Berlin'}).actions));
console.log(JSON.stringify(buildItemCard({item, locale:'de', participants:0, ideaCount:0, minGroupSize:5, timeZone:'Europe/Berlin', viewer:{canClose:true}}).actions));
